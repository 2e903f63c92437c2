-- how many control or other invisible characters an import took out of the article's text, for its review page
ALTER TABLE article_draft ADD COLUMN invisible_removed integer NOT NULL DEFAULT 0
    CHECK (invisible_removed >= 0);
