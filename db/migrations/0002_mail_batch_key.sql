ALTER TABLE "email_outbox" ADD COLUMN "batch_key" text;--> statement-breakpoint
CREATE INDEX "email_outbox_batch_key_idx" ON "email_outbox" USING btree ("batch_key");