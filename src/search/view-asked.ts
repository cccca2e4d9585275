// "学会はPMDAの報告書をどう受け止めていますか", "What does JSEV think of the PMDA report?": a
// question that asks the society's own view of something. A position statement gives its view of
// what it discusses, while the questions it leaves unanswered mostly ask facts of others (PMDA's
// budget, ISEV's address): the judge weighs the one against the other.

// The society or its statement named, on normalised text (NFKC, lower case).
const THE_SOCIETY = /学会|本会|理事会|見解|声明|\bjsev\b|\bsociety\b|\bstatement\b/u;
// Words asking for a view, a stance or a judgement.
const A_VIEW =
  /立場|考え|評価|受け止め|支持|賛成|反対|肯定|否定|どう見|どのように見|どう捉え|スタンス|姿勢|認識|\bstance\b|\bposition\b|\bviews?\b|\bthinks?\b|\bsupports?\b|\bbacks?\b|\bendorses?\b|\bopposed?\b|\bagrees?\b|\btake on\b/u;

/** Whether a question asks what the society thinks of something: its stance, view or judgement. */
export const asksTheSocietysView = (normalized: string): boolean =>
  THE_SOCIETY.test(normalized) && A_VIEW.test(normalized);
