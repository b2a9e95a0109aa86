-- Grouped rows (--layout=grouped) exploded into the rows of --layout=exploded with the same
-- padding: one row per impressed item, same columns, same values. Runs in DuckDB as it is; point
-- read_parquet at your output (a local folder, or s3://... with DuckDB's httpfs extension).
SELECT
  dt,
  ranking_id,
  customer_id,
  CAST(unnest(range(len(items))) AS INTEGER) AS position,
  unnest(items) AS item_id,
  unnest(is_order) AS is_order,
  actions,
  action_types,
  history_length
FROM read_parquet('output/dt=*/*.parquet', hive_partitioning = false)
