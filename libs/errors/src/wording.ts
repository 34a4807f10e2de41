/** "4", "4 and 5", "4, 5 and 6": a list in a sentence. */
export function listed(items: readonly (string | number)[]): string {
  if (items.length <= 1) return items.map(String).join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "question 4", "questions 4, 5 and 6". */
export function questionsNamed(numbers: readonly number[]): string {
  return `${numbers.length === 1 ? 'question' : 'questions'} ${listed(numbers)}`;
}

/** The singular or the plural form, by how many there are: `counted(1, 'has', 'have')`. */
export function counted(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}

/** A sentence's first letter in upper case. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
