-- A source's profile (GET /sources/{id}): the source, its latest ten claims and its kept counts by status.
SELECT s1_0.id, s1_0.aliases, s1_0.country, s1_0.created_at, cb1_0.id, cb1_0.username, s1_0.description, s1_0.kind, s1_0.name, s1_0.updated_at, ub1_0.id, ub1_0.username, s1_0.version, s1_0.website FROM source s1_0 LEFT JOIN reviewer cb1_0 ON cb1_0.id = s1_0.created_by LEFT JOIN reviewer ub1_0 ON ub1_0.id = s1_0.updated_by WHERE s1_0.id = :source_id FETCH FIRST 1 ROWS ONLY;
SELECT c1_0.id, c1_0.article_id, c1_0.assignee_id, c1_0.claim_date, c1_0.created_at, c1_0.created_by, c1_0.decided_at, c1_0.decided_by, c1_0.original_rating, c1_0.quote, c1_0.quote_end, c1_0.quote_start, c1_0.source_id, c1_0.statement, c1_0.status, c1_0.tags, c1_0.updated_at, c1_0.updated_by, c1_0.version FROM claim c1_0 WHERE c1_0.source_id = :source_id ORDER BY c1_0.created_at DESC, c1_0.id DESC OFFSET 0 ROWS FETCH FIRST 10 ROWS ONLY;
SELECT source_id, status, claims FROM source_status_count WHERE source_id IN (:source_id);
-- issue 19: the track record from the kept outcome counts, and the claims the source relayed
SELECT month, outcome, claims FROM source_outcome_count WHERE source_id = :source_id AND claims <> 0 ORDER BY month;
SELECT days, claims FROM source_resolution_days WHERE source_id = :source_id AND claims > 0 ORDER BY days;
SELECT c.id, c.statement, c.status, c.attribution_status, c.recheck_on, s.id, s.name FROM claim_relay r JOIN claim c ON c.id = r.claim_id JOIN source s ON s.id = c.source_id WHERE r.source_id = :source_id ORDER BY r.claim_id DESC LIMIT 20;
SELECT count(*) FROM (SELECT 1 FROM claim_relay WHERE source_id = :source_id LIMIT 1001) r;
