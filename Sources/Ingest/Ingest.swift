// Ingest module: CSV over libcsv → validated typed tables.
