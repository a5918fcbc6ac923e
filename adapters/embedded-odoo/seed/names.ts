/** Word lists for generated people, vendors and addresses (kept small: realism, not variety). */
export const FIRST_NAMES = [
  'James', 'Maria', 'Robert', 'Linda', 'Michael', 'Sofia', 'David', 'Aisha', 'Daniel', 'Emily',
  'Carlos', 'Grace', 'Kevin', 'Hannah', 'Andre', 'Olivia', 'Victor', 'Chloe', 'Nathan', 'Fatima',
  'Ethan', 'Rosa', 'Marcus', 'Julia', 'Owen', 'Leila', 'Connor', 'Mei', 'Trevor', 'Nadia',
] as const;

export const LAST_NAMES = [
  'Anderson', 'Baker', 'Castillo', 'Dawson', 'Ellis', 'Fischer', 'Gonzalez', 'Hughes', 'Ibarra',
  'Jensen', 'Kowalski', 'Lambert', 'Moreno', 'Nguyen', 'Olsen', 'Patel', 'Quinlan', 'Ramirez',
  'Schultz', 'Tanaka', 'Underwood', 'Vasquez', 'Walsh', 'Young', 'Zimmerman', 'Brooks', 'Carter',
] as const;

export const VENDOR_PREFIXES = [
  'Lakeshore', 'Midland', 'Keystone', 'Blue Ridge', 'Harbor', 'Pioneer', 'Cornerstone', 'Frontier',
  'Great Plains', 'Silver Creek', 'Northstar', 'Allied', 'Heartland', 'Tri-County', 'Evergreen Valley',
  'Bayview', 'Copperline', 'Redstone', 'Westfield', 'Ironwood', 'Sterling', 'Crescent', 'Patriot',
  'Cedar Point', 'Lone Star', 'Gulf Coast', 'Mountain West', 'Riverbend', 'Twin Cities', 'Capitol',
] as const;

export const VENDOR_SUFFIXES = ['Inc.', 'LLC', 'Co.', 'Corp.', 'Supply Co.', 'Group', 'Distributors'] as const;

/** US cities for generated vendor addresses: [city, state, zip]. */
export const US_CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Chicago', 'IL', '60607'], ['Milwaukee', 'WI', '53204'], ['Indianapolis', 'IN', '46204'],
  ['Columbus', 'OH', '43215'], ['Atlanta', 'GA', '30318'], ['Charlotte', 'NC', '28206'],
  ['Dallas', 'TX', '75207'], ['Houston', 'TX', '77002'], ['Denver', 'CO', '80216'],
  ['Phoenix', 'AZ', '85034'], ['Reno', 'NV', '89502'], ['Sacramento', 'CA', '95811'],
  ['Portland', 'OR', '97210'], ['Salt Lake City', 'UT', '84104'], ['Nashville', 'TN', '37210'],
] as const;

/** Turns a company name into an email domain like the ones of the supplier emails. */
export function domainFor(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(inc|llc|co|corp|group|distributors|supply co)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '');
  return `${slug}.example`;
}
