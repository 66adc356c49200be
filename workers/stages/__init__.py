"""The pure core: each stage is plain data in, new data out; no Kafka, no Faust."""
