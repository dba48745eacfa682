/**
 * Swedish organisationsnummer: ten digits, written NNNNNN-NNNN or NNNNNNNNNN. The tenth digit
 * is a Luhn (mod 10) check digit over the first nine.
 */

const FORMAT = /^(\d{6})-?(\d{4})$/;

export type OrgNumberProblem = 'format' | 'checkDigit';

/** What is wrong with an organisationsnummer, or undefined when it is valid. Surrounding blanks are ignored. */
export function orgNumberProblem(text: string): OrgNumberProblem | undefined {
  const match = FORMAT.exec(text.trim());
  if (!match) return 'format';
  const digits = match[1] + match[2];
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]) ? undefined : 'checkDigit';
}

export function isValidOrgNumber(text: string): boolean {
  return orgNumberProblem(text) === undefined;
}

/**
 * The number written NNNNNN-NNNN. Only the format is required, not a correct check digit;
 * throws a RangeError for text in neither format (check with orgNumberProblem first).
 */
export function normaliseOrgNumber(text: string): string {
  const match = FORMAT.exec(text.trim());
  if (!match) throw new RangeError(`Not an organisationsnummer: ${JSON.stringify(text)}`);
  return `${match[1]}-${match[2]}`;
}

/** Luhn: double every other digit from the left (the first included), sum the digits, pad to a multiple of ten. */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}
