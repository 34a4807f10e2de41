/** The policy in force (DEFAULT_REMINDER_POLICY with REMINDER_POLICY's changes). */
export const REMINDER_POLICY = Symbol('REMINDER_POLICY');
/** The working-day calendar (Dutch public holidays). */
export const WORKING_DAYS = Symbol('WORKING_DAYS');
