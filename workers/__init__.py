"""newsfeed: streaming news ingestion and enrichment on Kafka."""
