import { ApiProperty } from '@nestjs/swagger';

export class LateRiskDto {
  @ApiProperty({
    example: 0.7,
    minimum: 0,
    maximum: 1,
    description:
      'The chance (0 … 1) that the set is answered after its statutory deadline: a Kaplan–Meier estimate of the time to answer of comparable sets (same lead ministry and size class: 1–3, 4–6, 7+ questions; else the whole ministry, else the whole desk) submitted in the last two years, still-open sets censored; given how long this set has been open. 1 once the deadline has passed. From 0.5 on the werkvoorraad calls it "Waarschijnlijk te laat".',
  })
  chance: number;

  @ApiProperty({
    example: 'BZ beantwoordde 70 % van vergelijkbare sets na de termijn (312 sets met 1–3 vragen).',
    description: 'Dutch: what the chance rests on',
  })
  reason: string;
}
