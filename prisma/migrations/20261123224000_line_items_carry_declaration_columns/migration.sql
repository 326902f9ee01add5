-- A statement's calculation counts its line items by the declaration's participant type, declaration
-- type, uplift and state. Joining every line item to its declaration cost more than the counting, so
-- each line item carries copies of those columns, kept by the triggers below whoever writes the rows.
ALTER TABLE "statement_line_items"
  ADD COLUMN "participantType" "ParticipantType",
  ADD COLUMN "declarationType" "DeclarationType",
  ADD COLUMN "uplift" BOOLEAN,
  ADD COLUMN "declarationState" "DeclarationState";

UPDATE "statement_line_items" li
SET "participantType" = d.type, "declarationType" = d."declarationType",
    "uplift" = d."pupilPremiumUplift" OR d."sparsityUplift", "declarationState" = d.state
FROM "declarations" d
WHERE d.id = li."declarationId";

ALTER TABLE "statement_line_items"
  ALTER COLUMN "participantType" SET NOT NULL,
  ALTER COLUMN "declarationType" SET NOT NULL,
  ALTER COLUMN "uplift" SET NOT NULL,
  ALTER COLUMN "declarationState" SET NOT NULL;

-- A new line item (or one moved to another declaration) copies its declaration. FOR SHARE waits for a
-- transaction changing that declaration and then reads what it committed, and keeps the declaration
-- unchanged until this transaction ends, so the copy cannot miss a concurrent change.
CREATE FUNCTION statement_line_items_copy_declaration() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT d.type, d."declarationType", d."pupilPremiumUplift" OR d."sparsityUplift", d.state
  INTO NEW."participantType", NEW."declarationType", NEW."uplift", NEW."declarationState"
  FROM "declarations" d WHERE d.id = NEW."declarationId"
  FOR SHARE;
  RETURN NEW;
END;
$$;

CREATE TRIGGER statement_line_items_copy_declaration BEFORE INSERT OR UPDATE OF "declarationId" ON "statement_line_items"
  FOR EACH ROW EXECUTE FUNCTION statement_line_items_copy_declaration();

-- A changed declaration updates its line items: set-based, once per statement, only where a copied
-- column changed (the monthly "mark payable" run changes thousands of declarations in one statement).
CREATE FUNCTION declarations_copy_to_line_items() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "statement_line_items" li
  SET "participantType" = n.type, "declarationType" = n."declarationType",
      "uplift" = n."pupilPremiumUplift" OR n."sparsityUplift", "declarationState" = n.state
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE li."declarationId" = n.id
    AND (n.type, n."declarationType", n."pupilPremiumUplift" OR n."sparsityUplift", n.state)
        IS DISTINCT FROM (o.type, o."declarationType", o."pupilPremiumUplift" OR o."sparsityUplift", o.state);
  RETURN NULL;
END;
$$;

CREATE TRIGGER declarations_copy_to_line_items AFTER UPDATE ON "declarations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION declarations_copy_to_line_items();
