/**
 * The response period each chamber sets for written questions. This table is the one place that
 * states them; deadlines are computed from it.
 */
export type Chamber = 'TK' | 'EK';

export interface ChamberRule {
  code: Chamber;
  name: string;
  /** Weeks between submission and the answer. */
  responseWeeks: number;
  /** Whether the period is binding (a Rules of Procedure deadline) or the desk's own target. */
  binding: boolean;
  source: string;
}

export interface ChamberSettings {
  /** The Eerste Kamer sets no binding period; the desk aims for this many weeks. */
  eersteKamerResponseWeeks: number;
}

export const CHAMBERS: readonly Chamber[] = ['TK', 'EK'];

export function chamberRules(settings: ChamberSettings): Record<Chamber, ChamberRule> {
  return {
    TK: {
      code: 'TK',
      name: 'Tweede Kamer',
      responseWeeks: 3,
      binding: true,
      source: 'Reglement van Orde van de Tweede Kamer, art. 12.2 (drie weken)',
    },
    EK: {
      code: 'EK',
      name: 'Eerste Kamer',
      responseWeeks: settings.eersteKamerResponseWeeks,
      binding: false,
      source: 'Eerste Kamer: geen bindende termijn; streeftermijn van de desk',
    },
  };
}
