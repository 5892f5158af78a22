const cache = new Map<string, string>();

/**
 * A key (or a resource name) as words people read: `postalCode` → "Postal code",
 * `unit_price` → "Unit price", `product-variants` → "Product variants", `imageURL` →
 * "Image URL" (words in capitals stay so). A key with no word in it is shown quoted
 * (`""` → `""`). Cached: labels are made for every row.
 *
 * @example
 * humanizeKey("postalCode"); // "Postal code"
 */
export function humanizeKey(key: string): string {
  let text = cache.get(key);
  if (text !== undefined) return text;
  const words = key
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, "$1 $2")
    // A lookahead, not `(\p{Lu}+)(\p{Lu}\p{Ll})`: keys are user data, and that backtracks on a long run of capitals.
    .replace(/(\p{Lu})(?=\p{Lu}\p{Ll})/gu, "$1 ")
    .replace(/[_\-\s]+/g, " ")
    .trim()
    .split(" ")
    // A word all in capitals (an acronym: "URL", "SKU") keeps them.
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()))
    .join(" ");
  text = words === "" ? JSON.stringify(key) : words.charAt(0).toUpperCase() + words.slice(1);
  if (cache.size > 1000) cache.clear();
  cache.set(key, text);
  return text;
}
