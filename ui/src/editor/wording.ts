// Counts and kinds said as a person says them: "1 element", "2 elements",
// "an application", "a product". Every count the window shows goes through here.

/** "1 element", "3 elements"; `plural` for words that do not just take an s. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? singular : plural}`;
}

/** "an application", "a product": the label with its article. */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;
}
