import type { DeskConfig } from '@question-desk/config';
import { readKamervragenXml, type PublishedDocument } from './kamervragen-xml';
import { getWithRetries, SourceFault, type RequestPolicy } from './source-http';
import { checkDocument, checkZaak, DOCUMENT_KINDS, readPage, WRITTEN_QUESTIONS, type ODataPage, type TkDocument, type TkZaak } from './tk-records';

/** The entities the intake reads incrementally, each with its own watermark. */
export const INTAKE_ENTITIES = ['Zaak', 'Document'] as const;
export type IntakeEntity = (typeof INTAKE_ENTITIES)[number];

// Pages stop at this many whatever the source says: a run is bounded (the next one reads on from the watermark).
export const MAX_PAGES_PER_RUN = 400;

const odataText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Reads the two sources: the Gegevensmagazijn's OData v4 (Zaak with its ZaakActor, Document with its
 * Zaak and DocumentVersie), page by page along `@odata.nextLink`, and publications at Officiële
 * publicaties as XML. Incremental reads filter on `ApiGewijzigdOp` only: never on `Verwijderd`, or
 * deletions would never be seen.
 */
export class TkSources {
  constructor(
    private readonly settings: DeskConfig['intake'],
    private readonly policy: RequestPolicy,
  ) {}

  /** The first page's address of what changed in `entity` since `since` (ISO UTC), oldest first. */
  firstPage(entity: IntakeEntity, since: string | null): string {
    const changed = since ? ` and ApiGewijzigdOp ge ${since}` : '';
    const params =
      entity === 'Zaak'
        ? {
            $filter: `Soort eq ${odataText(WRITTEN_QUESTIONS)}${changed}`,
            $orderby: 'ApiGewijzigdOp',
            $expand: 'ZaakActor($select=Id,Relatie,ActorNaam,ActorFractie,Functie)',
          }
        : {
            $filter: `(${Object.keys(DOCUMENT_KINDS)
              .map((soort) => `Soort eq ${odataText(soort)}`)
              .join(' or ')})${changed}`,
            $orderby: 'ApiGewijzigdOp',
            $expand: 'Zaak($select=Id,Nummer,Soort),DocumentVersie($select=Id,ExterneIdentifier,Versienummer)',
          };
    const query = Object.entries(params)
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&');
    return `${this.settings.odataUrl}/${entity}?${query}`;
  }

  /** Every page of what changed, following `@odata.nextLink`. */
  async *zaken(since: string | null): AsyncGenerator<ODataPage<TkZaak>> {
    yield* this.pages(this.firstPage('Zaak', since), checkZaak);
  }

  async *documents(since: string | null): AsyncGenerator<ODataPage<TkDocument>> {
    yield* this.pages(this.firstPage('Document', since), checkDocument);
  }

  /** One Zaak by its id, with its actors (for a document whose case the desk has not read yet). */
  async zaak(id: string): Promise<TkZaak | null> {
    const url = `${this.settings.odataUrl}/Zaak?$filter=${encodeURIComponent(`Id eq ${id}`)}&$expand=${encodeURIComponent('ZaakActor($select=Id,Relatie,ActorNaam,ActorFractie,Functie)')}`;
    const page = await getWithRetries('the Gegevensmagazijn (OData)', url, 'application/json', this.policy, (body) => readPage(body, checkZaak));
    return page?.items[0] ?? null;
  }

  /** A publication's XML read into questions and answers; null while it is not published. */
  async publication(publicationId: string): Promise<PublishedDocument | null> {
    if (!/^[a-z]{2}-[a-z]{2}-[A-Za-z0-9-]+$/.test(publicationId)) throw new SourceFault(`"${publicationId}" is not a publication id such as kv-tk-2019Z15244.`);
    return getWithRetries('Officiële publicaties', this.publicationUrl(publicationId), 'application/xml', this.policy, readKamervragenXml);
  }

  publicationUrl(publicationId: string): string {
    return `${this.settings.publicationsUrl}/${publicationId}/${publicationId}.xml`;
  }

  /** Where a person reads the case or document at the source. */
  zaakLink(id: string): string {
    return `${this.settings.odataUrl}/Zaak(${id})`;
  }

  documentLink(id: string): string {
    return `${this.settings.odataUrl}/Document(${id})/resource`;
  }

  private async *pages<T>(first: string, check: (item: unknown) => T): AsyncGenerator<ODataPage<T>> {
    let url: string | null = first;
    for (let page = 0; url && page < MAX_PAGES_PER_RUN; page++) {
      const read: ODataPage<T> | null = await getWithRetries('the Gegevensmagazijn (OData)', url, 'application/json', this.policy, (body) =>
        readPage(body, check),
      );
      if (!read) throw new SourceFault(`The Gegevensmagazijn answered 404 for ${url}; check TK_ODATA_URL.`);
      yield read;
      url = read.nextLink;
    }
  }
}
