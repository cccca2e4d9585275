// Question frames: how something is asked, not what. Matched on normalised text (NFKC, lower case)
// and removed before the query is analysed, so 「…と考えていいですか」 or "does the society think"
// neither adds words the statement lacks nor matches its own 考え or 理解.
const QUESTION_FRAMES: readonly RegExp[] = [
  // …と考えていいですか / …と思っていいの / …と理解して良いでしょうか
  /(と|って)(考え|かんがえ|思っ|おもっ|理解し|捉え|とらえ)て(も)?(いい|良い|よい|大丈夫|問題ない)/g,
  // …という理解で合ってますか / …という認識で正しいですか
  /(という|との|って)(理解|認識|解釈|考え)で(合って|あって|正しい|いい|良い|よい|間違いない)/g,
  // …という理解で放送して問題ないでしょうか: whether the asker may say so, not what is asked.
  /(という|との)(理解|認識|解釈)で|(して|しても)(問題|差し支え)(ない|ありません|ございません)(でしょうか|ですか|か)?/g,
  // …について教えてください / …を知りたい / …を説明して
  /(について|に関して|に関する|のこと)?(を|が)?(教えて|おしえて|知りたい|しりたい|説明して|解説して)(ください|下さい|くれ|ほしい|欲しい|もらえ(ます|る)|いただけ(ます|る))?/g,
  // …と聞きました / …と言われています / …と見ていますか (what someone heard or thinks of it)
  /(と|って)(聞き|聞い|きき|きい|言われ|いわれ)/g,
  /(は|が)?(どう|どのように|どんなふうに)?(見て|考えて|思って|捉えて|みて|かんがえて|おもって)(い)?(ます|る|ますか|るの)/g,
  // What should I do or say: どうすればいい, どうしたらいいですか, どう説明すればよいでしょうか.
  /(どう|どのように)?(説明|答え|伝え|紹介|返答)?(すれば|したら|れば|たら)(いい|よい|良い)(の|か|ですか|でしょうか|んでしょうか|でしょう)?/g,
  // Politeness: お願いします, 恐れ入りますが (恐れ is the statement's word for a fear), すみません
  /(よろしく)?お願い(します|いたします|致します|したい|できますか)?|恐れ入ります(が)?|すみません(が)?|失礼(です|します)が|(して)?(頂|いただ|戴)け(ます|ません|る)(か)?/g,
  // A reporter's frame: why they ask, and how they would like the answer (記事で引用させていただきたい
  // のですが, お聞かせください, 伺えますか, どのような立場をとっていますか, コメントをいただけますか).
  /(記事|番組|原稿|取材|報道|背景説明|解説|放送|紙面|特集)(中|内|用)?(で|に|の)(引用|使用|紹介|掲載|使い|使用)?(し)?(させて)?(いただき|頂き)?(たい)?(のですが|んですが|ので)?/g,
  // What a member will use it for and for whom (新入生向けのスライドに入れたいので, 勉強会で紹介したい,
  // 社内説明用に, 患者さん向けに): where the answer goes, not what it is about.
  /(新入生|学生|院生|後輩|部下|患者さん?|一般の?方?|読者|視聴者|リスナー|社内|チーム|ラボ|研究室)(向け|用)(の|に)?|(スライド|授業|講義|勉強会|ゼミ|輪読会|抄読会|ジャーナルクラブ|社内説明|社内資料|研修|発表|プレゼン|説明会|案内状|配布資料)(用)?(で|に|の|へ)(紹介|使|載せ|入れ|引用|説明)?(し)?(たい|する)?(ので|ため|んですが|のですが)?/g,
  // What a reporter can use of it: 紹介できる部分, 触れている箇所があれば, そのまま引用したいのですが.
  /(紹介|引用|使用)(でき|し)?(る|たい)?(部分|箇所|一文|ところ)|(触れ|書かれ|書い)て(いる|る|ある)(箇所|部分|ところ)(があれば|は|を)?|(そのまま)?引用(したい|させていただきたい|させてください)(のですが|んですが|です)?/g,
  // The passage that supports what the asker says (根拠となる箇所, 根拠の部分): the passage itself.
  /根拠(となる|になる|となっている|の)(箇所|部分|くだり|一文|文言|段落)/g,
  // Asking for the passage itself: 該当箇所をご教示ください, 言及している部分を引用させていただけますか,
  // コメントに使える部分はありますか.
  /(学会が|学会の)?(言及|記載|説明)?(して)?(いる)?(該当|関連)?(箇所|部分|くだり|一文|文言)(を|は|が)?(ご教示|お示し|引用|示して|教えて)?(させて)?(ください|いただけますか|いただけませんか|頂けますか)?|コメントに使える|引用させて(いただけ|頂け)(ます|ません)か/g,
  /(お聞かせ|お教え|ご教示|ご説明)(ください|下さい|願え(ます|ません)か|いただけ(ます|ません)か)?|伺え(ます|ません)か|伺いたい|(コメント|ご見解|お考え)(を)?(いただけ|頂け|お聞かせ)/g,
  /(どのような|どんな|どういう)(立場|スタンス|見方|考え|お考え|認識|評価)(を|で|が)?(とって|取って|お持ち|持って|して)?(い)?(ます|る|らっしゃ)?/g,
  // Its references (と引用文献, 参考文献も): every quote is cited with what its paragraph cites.
  /(と|や|も)?(引用|参考)文献(も|を|は|が)?/g,
  /\b(and )?(its |the )?(references|citations)( cited)?\b/g,
  // Casual endings: ってマジ, ってほんと, ってこと, じゃん, よね, の?, みたいな
  /(って)?(マジ|まじ|ほんと|本当|ホント)(に|で)?(\?|？)?$|ってこと(\?|？)?$|(なの|なん|じゃん|よね|だよね|っしょ|みたいな|的な)(\?|？)?$/g,
  // English frames: who is asked and how, not what.
  // (contractions are already folded: "I'd like to know" arrives as "i like to know")
  /\bi (would |want to |wanted to |am trying to )?(like to )?(know|ask|understand|learn)\b|\bi was wondering\b|\bdo you know\b/g,
  /\b(can|could|would) you (please )?(tell|explain|show)( me| us)?( about)?\b/g,
  /\b(what|how) (does|do|did) (jsev|the (?:society|statement)|it|they) (say|think|state|write)( about| on)?\b/g,
  /\baccording to\b/g,
  // Idioms that stress a question without adding to it.
  /\b(in the first place|to begin with|by the way|after all|at all|anyway|exactly|basically|in general)\b/g,
  /\bis it true that\b/g,
  // A citation's "et al." (Lohan et al. 2017): how works are cited, never what is asked.
  /\bet al\b\.?/g,
  // How the asker wants it quoted: the exact wording, verbatim, word for word.
  /\b(the )?(exact|precise|original|actual) (wording|words|text|phrasing|language|sentence|line)\b|\bverbatim\b|\bword for word\b/g,
  /\bi (heard|read|was told) that\b/g,
  // A reporter's: "for our article", "could you comment on", "on the record", "I'm writing a piece on".
  /\b(press|media) (inquiry|enquiry|question)\b|\bfor (a|an|our|my) (?:[\w-]+ ){0,2}(article|story|piece|report|broadcast|segment|feature|explainer|backgrounder|readers|audience)\b|\b(could|can) you (please )?(give|send|point) me (to )?(a |the )?(quote|line|passage|section|paragraph)( on| about)?( whether)?\b|\bcould you (please )?comment on\b|\bon the record\b|\bi am (writing|working on|preparing) (a|an) (article|story|piece|report)( on| about)?\b|\bquote\b/g,
  /\b(what is|what's) (the )?(society|jsev|your)('s)? (stance|position|view|take) on\b|\bhow does (the society|jsev) (view|see|regard)\b|\bdoes (the society|jsev) (consider|believe|think|regard)( that)?\b/g,
];

/** The query without its question frame (see QUESTION_FRAMES). Input is normalised. */
export function stripQuestionFrames(normalized: string): string {
  let text = normalized;
  for (const frame of QUESTION_FRAMES) text = text.replace(frame, ' ');
  return text;
}
