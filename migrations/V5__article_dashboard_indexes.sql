-- Indexes for the articles list and the dashboard.

-- The articles list searches titles by any part of them (ILIKE '%...%'), which only a trigram index can serve.
CREATE INDEX article_title_trgm_idx ON article USING gin (title gin_trgm_ops);

-- One publisher's articles, newest first, a keyset page at a time; it also serves the foreign key, so the
-- index on publisher_id alone is no longer needed.
CREATE INDEX article_publisher_created_idx ON article (publisher_id, created_at DESC, id DESC);
DROP INDEX article_publisher_idx;

-- The dashboard's "sources with the most disputed claims" counts one status by source from the index alone.
CREATE INDEX claim_status_source_idx ON claim (status, source_id);
