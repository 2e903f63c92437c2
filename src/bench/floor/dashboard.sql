-- The dashboard (GET /): the counts, my queue, the oldest unverified claims, the latest decisions and the sources
-- with most disputed claims.
SELECT r1_0.id, r1_0.active, r1_0.created_at, r1_0.password_hash, r1_0.role, r1_0.updated_at, r1_0.username, r1_0.version FROM reviewer r1_0 WHERE r1_0.id = :reviewer_id FETCH FIRST 1 ROWS ONLY;
SELECT status, sum(claims) FROM claim_status_count GROUP BY status;
SELECT c1_0.id, c1_0.statement, c1_0.status, c1_0.created_at, s1_0.id, s1_0.name, a1_0.username FROM claim c1_0 JOIN source s1_0 ON s1_0.id = c1_0.source_id LEFT JOIN reviewer a1_0 ON a1_0.id = c1_0.assignee_id WHERE a1_0.id = :reviewer_id ORDER BY CASE WHEN c1_0.status = 'unverified' THEN 0 ELSE 1 END, c1_0.created_at, c1_0.id FETCH FIRST 10 ROWS ONLY;
SELECT count(*), count(*) FILTER (WHERE c1_0.status = 'unverified') FROM claim c1_0 WHERE c1_0.assignee_id = :reviewer_id;
SELECT c1_0.id, c1_0.statement, c1_0.status, c1_0.created_at, s1_0.id, s1_0.name, a1_0.username FROM claim c1_0 JOIN source s1_0 ON s1_0.id = c1_0.source_id LEFT JOIN reviewer a1_0 ON a1_0.id = c1_0.assignee_id WHERE c1_0.status = 'unverified' ORDER BY c1_0.created_at, c1_0.id FETCH FIRST 10 ROWS ONLY;
SELECT c1_0.id, c1_0.statement, r2_0.username, r1_0.previous_status, r1_0.status, r1_0.decided_at FROM review r1_0 JOIN claim c1_0 ON c1_0.id = r1_0.claim_id JOIN reviewer r2_0 ON r2_0.id = r1_0.reviewer_id ORDER BY r1_0.decided_at DESC, r1_0.id DESC FETCH FIRST 10 ROWS ONLY;
SELECT s.id, s.name, d.claims, (SELECT sum(t.claims) FROM source_status_count t WHERE t.source_id = s.id) FROM source_status_count d JOIN source s ON s.id = d.source_id WHERE d.status = 'disputed' AND d.claims > 0 ORDER BY d.claims DESC, d.source_id LIMIT 5;
