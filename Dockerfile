# The worker image: the newsfeed package with its spaCy model, run as `newsfeed worker`.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY workers ./workers
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip install '.[rocksdb]'
ENV NEWSFEED_STATE_DIR=/var/lib/newsfeed
# Several workers share one consumer group; each container has its own state dir.
CMD ["newsfeed", "worker"]
