import type { Metadata } from "next";
import type { MessageKeys, Messages, NamespaceKeys, NestedKeyOf, NestedValueOf } from "next-intl";
import { getTranslations } from "next-intl/server";

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
type KeyIn<N extends Namespace> = MessageKeys<NestedValueOf<Messages, N>, NestedKeyOf<NestedValueOf<Messages, N>>>;

/**
 * A page's generateMetadata when its title is one catalogue text (and the rest, if any, is fixed):
 * `export const generateMetadata = titleMetadata("Faq", "title");`
 */
export function titleMetadata<N extends Namespace>(namespace: N, key: KeyIn<N>, rest: Metadata = {}) {
  return async function generateMetadata(): Promise<Metadata> {
    // The key is checked against the namespace at the call; TypeScript cannot follow it through N here.
    const t = (await getTranslations(namespace)) as unknown as (key: string) => string;
    return { title: t(key), ...rest };
  };
}
