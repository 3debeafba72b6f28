/** Version 1 of the Terms of Personal Information Protection, seeded into every install. */
export const termsV1 = {
  en: {
    title: "Terms of Personal Information Protection regarding Customer Portal",
    body: `1. Purpose
These terms explain how Matrix Portal ("we") handles the personal information of customers who use the Customer Portal ("the Portal"). By accepting them you agree to the handling described below.

2. Information we collect
We hold the information your account operator registered for you (your name, email address, contact telephone number and company name), the date, time and IP address of each sign-in and failed sign-in, and the acceptance records of these terms. Your matrix password is stored in encrypted form and is never visible to our staff.

3. How we use it
We use this information only to confirm your identity, to let you sign in securely, to contact you about your account (for example starting-guide and security notifications), to detect and prevent unauthorised access, and to meet our legal obligations.

4. Sharing
We do not sell or rent your personal information. We share it only with service providers who process it on our behalf under a written contract (such as our email delivery provider), or where the law requires us to.

5. Security
We protect your information with encryption in transit and at rest, access controls, account lockout after repeated failed sign-ins, and an audit log of security events. Please keep your matrix password to yourself; we will never ask you for it.

6. Retention
We keep account information for as long as your account is open and for up to one year afterwards, and security logs for up to one year, unless the law requires a longer period.

7. Your rights
You may ask us to disclose, correct, stop using or delete your personal information. Please contact the operator who registered your account; we will respond without undue delay.

8. Changes to these terms
When we change these terms we publish a new version in the Portal and ask you to accept it at your next sign-in before you continue.

9. Contact
For questions about these terms or your personal information, please contact the operator who registered your account.`,
  },
  ja: {
    title: "カスタマーポータルに関する個人情報保護規約",
    body: `第1条（目的）
本規約は、Matrix Portal（以下「当社」といいます）が、カスタマーポータル（以下「本ポータル」といいます）をご利用になるお客様の個人情報をどのように取り扱うかを定めるものです。本規約に同意いただくことで、以下の取り扱いにご同意いただいたものとします。

第2条（取得する情報）
当社は、担当オペレーターが登録したお客様の氏名、メールアドレス、連絡先電話番号および会社名、ならびにログインおよびログイン失敗の日時と IP アドレス、本規約への同意記録を保有します。マトリクスパスワードは暗号化して保管し、当社の従業員が閲覧することはできません。

第3条（利用目的）
当社は、これらの情報を、ご本人確認、安全なログインの提供、アカウントに関するご連絡（スタートガイドやセキュリティに関するお知らせなど）、不正アクセスの検知と防止、および法令上の義務の履行のためにのみ利用します。

第4条（第三者提供）
当社は、お客様の個人情報を販売または貸与することはありません。書面による契約のもとで当社に代わって処理を行う委託先（メール配信事業者など）に提供する場合、または法令に基づく場合を除き、第三者に提供いたしません。

第5条（安全管理）
当社は、通信時および保管時の暗号化、アクセス制御、ログインの連続失敗時のアカウントロック、セキュリティイベントの監査ログにより、お客様の情報を保護します。マトリクスパスワードは他人に知らせないでください。当社からお尋ねすることは決してありません。

第6条（保存期間）
アカウント情報はアカウントが有効な間およびその後最長1年間、セキュリティログは最長1年間保存します。ただし、法令によりこれより長い期間が定められている場合はそれに従います。

第7条（お客様の権利）
お客様は、ご自身の個人情報の開示、訂正、利用停止または削除を求めることができます。アカウントを登録した担当オペレーターまでご連絡ください。遅滞なく対応いたします。

第8条（規約の変更）
本規約を変更する場合、当社は本ポータルで新しい版を公開し、次回のログイン時に、ご利用を続ける前に改めて同意をお願いいたします。

第9条（お問い合わせ）
本規約またはお客様の個人情報に関するお問い合わせは、アカウントを登録した担当オペレーターまでご連絡ください。`,
  },
} as const;
