/**
 * Where files live, on any storage (local disks, HDFS, S3): which locations are accepted ({@link
 * dev.traininginputs.storage.Locations}), the driver's file operations on each kind of storage
 * ({@link dev.traininginputs.storage.OutputStore} and its three stores), listing a table's files
 * ({@link dev.traininginputs.storage.Listing}), and Parquet's and Beam's views of one file. Both
 * {@code input/} (reading the lake) and {@code output/} (writing and publishing) use it; it uses
 * neither.
 */
package dev.traininginputs.storage;
