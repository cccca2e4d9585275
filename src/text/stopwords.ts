// Words that carry the form of a question, not its subject. They are dropped from queries so that
// "What does the statement say about GMP?" and 「上清液についての学会の考えは」 are judged by their content.

/** English function and question words, and the fillers and spellings of chat (lol, btw, im, dont). */
export const ENGLISH_STOPWORDS = new Set(
  `a an the is are was were be been being am do does did doing done what when where who whom whose why how which
  of in on at to for from by with about into onto over under between against among as than then so such
  and or but nor not no yes it its this that these those there here their they them i you he she we me my your
  our us his her can could should would will shall may might must have has had having any some all each every
  tell say says said according please know think thinks let give explain show find me anything something
  really actually also just only very much many more most less least other another own same too up down out
  if whether does whats what's isn't aren't doesn't don't possible possibly happen happens currently
  nothing everything anyone anybody someone somebody unless until till through before after since while because
  though although even still yet already ever never hardly barely almost rather quite thing things way ways kind
  sort lot lots get gets getting got make makes made making go goes going went gone come comes came want wants
  need needs use used using call called calling put puts take takes took taken able okay ok r u w
  without within upon via per across toward towards around onto pls please thanks thank hi hello like
  good best better nice great itself themselves himself herself ourselves yourself
  lol lmao haha btw tbh idk imo imho fyi omg hey hmm um uh oh yeah yep sorry sry thx ty plz wat wut abt bc
  cuz coz tho ur ya gonna wanna gotta kinda sorta im ive dont doesnt isnt arent cant wont didnt`.split(/\s+/),
);

/** Kanji runs that only frame a Japanese question (何, 教えて, 知りたい, 下さい). */
export const JAPANESE_STOP_RUNS = new Set([
  '何',
  '誰',
  '何故',
  '教',
  '知',
  '下',
  '是非',
  '本当',
  '場合',
  '意味',
  '内容',
]);

/**
 * Kana that open a question frame (どうなるの, どういう, どうして, どうやって): never read as a corpus
 * word, although their reading may meet one once long vowels fold (どうな and ドナー).
 */
export const KANA_FRAME_STARTS: readonly string[] = [
  'どうな',
  'どうい',
  'どうし',
  'どうや',
  'どうす',
  'どうで',
];
