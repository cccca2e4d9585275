// Reviewed decisions for scripts/extract-vocabulary.ts. Each says why, for the next reviewer.
import type { SynonymReview } from './synonyms.js';

/**
 * Readings of words and word parts that IPADIC lacks (小胞, 上清, 単離), reads as names (上清 as
 * うえきよし, 落谷 as おちだに) or reads otherwise than this text does (月 of 12月, 幹 of 幹細胞), and
 * second readings people type (日本: にほん). A compound containing one reads through it.
 */
export const READING_OVERRIDES: Readonly<Record<string, readonly string[]>> = {
  小胞: ['しょうほう'],
  小胞体: ['しょうほうたい'],
  上清: ['じょうせい'],
  馴化: ['じゅんか'],
  培地: ['ばいち'],
  協働: ['きょうどう'],
  上澄液: ['うわずみえき'],
  異系: ['いけい'],
  施術: ['せじゅつ', 'しじゅつ'],
  何年: ['なんねん'],
  分泌: ['ぶんぴつ', 'ぶんぴ'],
  単離: ['たんり'],
  厳正: ['げんせい'],
  原性: ['げんせい'],
  一人歩き: ['ひとりあるき'],
  十分: ['じゅうぶん'],
  幹細胞: ['かんさいぼう'],
  間葉系: ['かんようけい'],
  落谷: ['おちや'],
  間質: ['かんしつ'],
  他家: ['たか'],
  令和: ['れいわ'],
  日本: ['にほん', 'にっぽん'],
  月: ['がつ'],
  年: ['ねん'],
};

/** Sudachi groups and words dropped because they would send a question to the wrong passage. */
export const SYNONYM_REVIEW: SynonymReview = {
  dropGroups: {
    '000416': 'security is not the safety of a medicine (安全性)',
    '000680': 'フリー/free would reach 自由診療 (self-paid care)',
    '000820': '仕組み/構造 would reach 機構, which here is an agency (PMDA, AMED)',
    '000831': 'メリット/利点 would reach 特徴 (what EVs are like), not benefits',
    '000835': 'メンテナンス would reach 整備 of 環境整備 (a regulatory framework)',
    '001158': 'ミス/失敗/miss would reach 誤る (patients misjudging); 誤解 has the glossary',
    '001226': '見通し/見当 would reach 予想 (an aside in p4)',
    '001242': '行動/振る舞い would reach 行為 of 医療行為',
    '001490': 'コース/ルート would reach 経路 of 合成経路 (a biosynthetic pathway)',
    '006336': '研究所 (an institute) is not 学会 (the society)',
    '006387': 'efficiency/効率 is not efficacy (有効性)',
    '007819': 'liberty would reach 自由診療',
    '007865': "independent would reach 独立 of 独立行政法人 (PMDA's legal form)",
    '013200': '方々 here reads かたがた (people), not ほうぼう (places)',
    '013256': '生き物 would reach 生物 of 生物学的製剤 (biologics)',
    '013315': '由緒/来歴 (history) would reach 由来 (derived from)',
    '013867': 'personality/性格 would reach 特性 (properties of EVs)',
    '014121': 'last/最後 would reach 最終製品',
    '014143': 'プラス/足す would reach 加える (an aside)',
    '014340': 'corporation would reach 法人 of 独立行政法人',
    '014441': "ラグ/遅延 (drug lag) would reach 遅れ of the society's founding",
    '017158': '確率/見込み would reach 可能性, too common to mean anything',
    '021156': 'an examination (考査) is not a clinical trial (試験)',
    '022107': '施行 (enforcing a law)/行う would reach 実施, too common',
    '022174': '生理 here is 生理活性 (bioactivity), not menstruation',
    '022589': '開催 (holding an event) would reach 行う: events are out of scope',
  },
  dropWords: {
    '000278': ['合意', 'コンセンサス', 'consensus'], // 共通認識 (p6), not 支持 of PMDA's points (p1)
    '000310': ['扶持', '扶助', '助ける', '力添え'], // everyday helping, not funding research
    '000352': ['審査', '審判'], // 審査 is regulatory review, not a patient's 判断
    '001103': ['取り付け', '取りつけ', '取付け', '取付', '取り付ける'], // mounting hardware, not setting up a panel
    '008178': ['学習', '勉強', '学ぶ', '習う', 'ならう'], // studying is not research
    '021690': ['適応', '順応', '即応', 'アダプテーション', 'adaptation'], // 適応 is a drug's indication
  },
};

/** IPADIC homophones of corpus words that are words in their own right, not misconversions to follow. */
export const HOMOPHONES_DROPPED: readonly string[] = [
  // Other words with their own meaning, far from the statement's: following them would answer
  // questions about money, fruit, chemistry or kinship with a passage on EVs.
  ...['化学', '国債', '通貨', '青果', '静物', '私用', '試用', '実子', '実姉', '実視', '発疹', '発進', '発震'],
  ...['発振', '整理', '心療', '公海', '公会', '邦人', '間者', '冠者', '次点', '早出', '送出', '次項', '本懐'],
  ...['機甲', '機工', '機巧', '上期', '上気', '上世', '上声', '上製', '下学', '家学', '歌学', '事由', '享有'],
  ...['内用', '分筆', '分詞', '医員', '単利', '報国', '奉告', '声質', '徳性', '特製', '抗力', '成文', '精分'],
  ...['整美', '一堂', '一道', '良法', '親展', '重用', '稟質', '理会', '生々', '生生', '多用', '有功', '有向'],
];
