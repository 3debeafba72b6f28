import { identitySchema, sameIdentity, type Identity } from "@/lib/identity";

/** What the customer types on the identity page, through the same schema the page uses. */
function typed(name: string, phone = "0312345678"): Identity {
  return identitySchema.parse({ email: "Taro@Example.jp", name, phone });
}

const spellings = {
  japanese: ["山田太郎", "山田 太郎", "山田　太郎", " 山田　 太郎 "],
  english: ["Taro Yamada", "TaroYamada", "Taro　Yamada", "taro yamada", "ＴＡＲＯ ＹＡＭＡＤＡ"],
};

describe.each(Object.entries(spellings))("a %s name", (_, names) => {
  test.each(names.flatMap((registered) => names.map((given) => [registered, given])))(
    "registered as 「%s」 matches 「%s」",
    (registered, given) => {
      expect(sameIdentity({ email: "taro@example.jp", name: registered, phone: "0312345678" }, typed(given))).toBe(
        true,
      );
    },
  );
});

test.each([
  ["山田太郎", "山田花子"],
  ["山田太郎", "山田太"],
  ["Taro Yamada", "Taro Yamamoto"],
  ["Taro Yamada", "Yamada Taro"],
])("registered as 「%s」 does not match 「%s」", (registered, given) => {
  expect(sameIdentity({ email: "taro@example.jp", name: registered, phone: "0312345678" }, typed(given))).toBe(false);
});

test("full-width digits in the phone number are the same number; another number is not", () => {
  const registered = { email: "taro@example.jp", name: "山田太郎", phone: "0312345678" };
  expect(sameIdentity(registered, typed("山田太郎", "０３１２３４５６７８"))).toBe(true);
  expect(sameIdentity(registered, typed("山田太郎", "0312345679"))).toBe(false);
});
