import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Many users in one INSERT … SELECT generate_series, for scale tests and the benchmark: emails
 * `<tag>-<n>@example.com`, names and companies spread over many prefixes, created_at one
 * second apart with ties every 7th row (so keyset tie-breaks are exercised), mixed roles and
 * statuses. Never called by the app.
 */
export async function insertSyntheticUsers(db: Database, tag: string, count: number): Promise<void> {
  await db.execute(sql`
    insert into users (email, name, phone, company, role, status, created_at, updated_at)
    select
      ${tag} || '-' || g || '@example.com',
      (array['Sato','Suzuki','Takahashi','Tanaka','Watanabe','Ito','Yamamoto','Nakamura','Kobayashi','Kato'])[1 + g % 10] || ' ' || ${tag} || ' ' || g,
      '09' || lpad(g::text, 9, '0'),
      'Company ' || (g % 997),
      (case when g % 50 = 0 then 'operator' else 'customer' end)::user_role,
      (array['invited','active','active','active','disabled'])[1 + g % 5]::user_status,
      timestamptz '2020-01-01' + ((g - g % 7) * interval '1 second'),
      now()
    from generate_series(1, ${count}::int) as g
  `);
}
