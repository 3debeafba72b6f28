/**
 * Version 1 of the Terms of Personal Information Protection, seeded into every install. The
 * tokens {organization}, {organizationAddress} and {privacyContact} stay in the stored text and
 * are filled in from ORGANIZATION_NAME, ORGANIZATION_ADDRESS and PRIVACY_CONTACT when the terms
 * are shown, so the business named is always the one configured (APPI art. 32).
 */
export const termsV1 = {
  en: {
    title: "Terms of Personal Information Protection regarding Customer Portal",
    body: `Article 1 (Purpose and definitions)
These terms set out how {organization} ("we" or "us") handles the personal information of customers in Matrix Portal ("the Portal"), which we operate. In these terms, "you" means a person for whom we have registered an account on the Portal.

Article 2 (Personal information we collect)
To provide the Portal, we collect the following personal information:
(1) your name, email address, contact telephone number and company name, as registered by the person in charge of your account;
(2) the date, time and IP address of each sign-in and failed sign-in, and the type of device and browser used;
(3) the records of your acceptance of these terms;
(4) your matrix password, in encrypted form that no one, including the person in charge of your account, can read.

Article 3 (Purposes of use)
We use this personal information only for the following purposes:
(1) to confirm your identity and let you sign in;
(2) to contact you about your account, for example with starting-guide emails and security notifications;
(3) to detect and prevent unauthorised access;
(4) to answer your enquiries;
(5) to meet our legal obligations.

Article 4 (Provision to third parties)
1. We do not provide personal information to third parties without your prior consent, except:
(1) where the law requires it;
(2) where it is necessary to protect a person's life, body or property and it is difficult to obtain your consent;
(3) in other cases permitted by the Act on the Protection of Personal Information.
2. We may entrust all or part of the handling of personal information to service providers, including our email delivery provider, to the extent the purposes in Article 3 require, and we supervise them as necessary and appropriate. Where such a provider is outside Japan, we take the measures the law requires.

Article 5 (Security measures)
To prevent the leakage, loss or damage of personal information, we take the following measures:
(1) encryption in transit and at rest;
(2) control of access rights and a record of operations (audit log);
(3) locking an account after repeated failed sign-ins;
(4) training and supervision of the staff who handle personal information.

Article 6 (Retention)
We keep account information while your account is open and for one year after it closes, and sign-in and other security records for one year after they are made, and then erase them without delay, unless the law sets a different period.

Article 7 (Requests for disclosure and other requests)
1. You may ask us to notify you of the purposes for which your personal information is used, to disclose it, to correct, add to or delete it, to stop using or erase it, or to stop providing it to third parties ("disclosure requests").
2. We accept disclosure requests at the contact desk in Article 9. After confirming that a request comes from you, we respond without undue delay as the law provides.

Article 8 (Changes to these terms)
1. We may change these terms when necessary.
2. Changed terms take effect when they are published on the Portal. The first time you use the Portal after a change, we ask you to accept the changed terms before you continue, and we also tell you about the change by email.

Article 9 (Contact desk)
We accept enquiries about these terms and the handling of personal information, and disclosure requests, at:
Business operator: {organization}
Address: {organizationAddress}
Contact desk: {privacyContact}

Supplementary provision
These terms take effect on the day they are published on the Portal.`,
  },
  ja: {
    title: "個人情報の取扱いに関する規約",
    body: `第1条（目的および定義）
本規約は、{organization}（以下「当社」といいます）が運営する Matrix Portal（以下「本ポータル」といいます）において、当社がお客様の個人情報をどのように取り扱うかを定めるものです。本規約において「お客様」とは、当社が本ポータルのアカウントを登録した方をいいます。

第2条（取得する個人情報）
当社は、本ポータルの提供にあたり、次の個人情報を取得します。
(1) 担当者が登録したお客様の氏名、メールアドレス、連絡先電話番号および会社名
(2) ログインおよびログイン失敗の日時、IP アドレスならびにご利用の端末およびブラウザーの種類
(3) 本規約への同意の記録
(4) マトリクスパスワード（担当者を含め、誰も内容を読み取れないよう暗号化して保管します）

第3条（利用目的）
当社は、取得した個人情報を次の目的の範囲内でのみ利用します。
(1) ご本人確認およびログインの提供
(2) アカウントに関するご連絡（スタートガイド、セキュリティに関するお知らせなど）
(3) 不正アクセスの検知および防止
(4) お問い合わせへの対応
(5) 法令に基づく義務の履行

第4条（第三者提供）
1. 当社は、次の場合を除き、あらかじめお客様の同意を得ることなく、個人情報を第三者に提供しません。
(1) 法令に基づく場合
(2) 人の生命、身体または財産の保護のために必要がある場合であって、お客様の同意を得ることが困難であるとき
(3) その他、個人情報の保護に関する法律により認められる場合
2. 当社は、第3条の利用目的の達成に必要な範囲で、個人情報の取扱いの全部または一部をメール配信事業者その他の委託先に委託することがあります。この場合、当社は委託先に対して必要かつ適切な監督を行います。委託先が外国にある場合は、法令に従って必要な措置を講じます。

第5条（安全管理措置）
当社は、個人情報の漏えい、滅失または毀損を防止するため、次の措置を講じます。
(1) 通信時および保管時の暗号化
(2) アクセス権限の管理および操作の記録（監査ログ）
(3) ログインの連続失敗時のアカウントロック
(4) 個人情報を取り扱う従業者への教育および監督

第6条（保存期間）
当社は、アカウント情報をアカウントの有効期間中およびその終了後1年間、ログインの記録その他のセキュリティに関する記録を記録の時から1年間保存し、その後遅滞なく消去します。ただし、法令により保存期間が定められている場合は、これに従います。

第7条（開示等の請求）
1. お客様は、当社に対し、ご自身の個人情報について、利用目的の通知、開示、内容の訂正・追加・削除、利用の停止・消去および第三者への提供の停止（以下「開示等」といいます）を請求することができます。
2. 当社は、開示等の請求を第9条のお問い合わせ窓口で受け付け、ご本人からの請求であることを確認したうえで、法令に従い遅滞なく対応します。

第8条（規約の改定）
1. 当社は、必要に応じて本規約を改定することがあります。
2. 改定後の規約は、本ポータルに掲載した時点から効力を生じます。当社は、改定後にお客様が最初に本ポータルをご利用になる際に、改定後の規約への同意を求めるとともに、改定をメールでお知らせします。

第9条（お問い合わせ窓口）
本規約および個人情報の取扱いに関するお問い合わせならびに開示等の請求は、次の窓口で受け付けます。
事業者名：{organization}
所在地：{organizationAddress}
お問い合わせ窓口：{privacyContact}

附則
本規約は、本ポータルに掲載した日から施行します。`,
  },
} as const;
