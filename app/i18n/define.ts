/**
 * One feature's messages in both languages. The type parameter makes the compiler refuse
 * an English block that lacks a Bulgarian key or has one more.
 */
export function defineMessages<K extends string>(messages: { bg: Record<K, string>; en: NoInfer<Record<K, string>> }) {
  return messages;
}
