DROP INDEX "onboarding_sessions_token_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_sessions_token_key" ON "onboarding_sessions" USING btree ("token_id");