-- Which transaction wrote each row (the refresh always deletes and inserts), so the API can tell in one
-- index lookup whether an order of a provider's participants it computed earlier is still current: it is
-- while every row of that provider was visible to the snapshot the order was computed in.
ALTER TABLE "lead_provider_participants" ADD COLUMN "writtenBy" xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE INDEX "lead_provider_participants_leadProviderId_writtenBy_idx" ON "lead_provider_participants"("leadProviderId", "writtenBy");
