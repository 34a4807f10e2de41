import { readKamervragenXml } from './kamervragen-xml';

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie>${body}</officiele-publicatie>`;

describe('reading a kamervragen publication (XML)', () => {
  it('reads the heading, the questions with their footnotes and the answers structurally', () => {
    const doc = readKamervragenXml(
      xml(`<kamervragen>
        <kamervraagkop>
          <kamervraagnummer>2020Z25656</kamervraagnummer>
          <kamervraagonderwerp>Vragen van het lid Van Helvert (CDA) aan de Minister van Buitenlandse Zaken over Chinese surveillanceapparatuur (ingezonden 22 december 2020).</kamervraagonderwerp>
          <kamervraagomschrijving>Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 13 april 2021)</kamervraagomschrijving>
        </kamervraagkop>
        <vraag><nr>Vraag 1</nr><al>Bent u bekend met het bericht?<noot id="n1"><noot.nr>1</noot.nr><noot.al>NOS, 8 december 2020</noot.al></noot></al></vraag>
        <antwoord><nr>Antwoord 1</nr><al>Ja.</al></antwoord>
        <vraag><nr>Vraag 2</nr><al>Eerste alinea &amp; meer.</al><al>Tweede alinea?</al></vraag>
        <vraag><nr>Vraag 3</nr><al>En dit?</al></vraag>
        <antwoord><nr>Antwoord 2 en 3</nr><al>Samen beantwoord.</al></antwoord>
      </kamervragen>`),
    );
    expect(doc).toMatchObject({
      kind: 'questions-and-answers',
      reference: '2020Z25656',
      subject: 'Chinese surveillanceapparatuur',
      submittedOn: '2020-12-22',
      submitters: [{ name: 'Van Helvert', party: 'CDA' }],
      addressees: ['Minister van Buitenlandse Zaken'],
      answer: { answeredBy: 'Blok', answeredByPost: 'Minister van Buitenlandse Zaken', answeredOn: '2021-04-13', coSigners: [] },
    });
    expect(doc.questions).toEqual([
      { number: 1, text: 'Bent u bekend met het bericht?', footnotes: [{ marker: '1', text: 'NOS, 8 december 2020', position: 30 }] },
      { number: 2, text: 'Eerste alinea & meer.\n\nTweede alinea?', footnotes: [] },
      { number: 3, text: 'En dit?', footnotes: [] },
    ]);
    expect(doc.answers.map((a) => a.questionNumbers)).toEqual([[1], [2, 3]]);
  });

  it('lets a bare "Antwoord" answer the questions asked since the last answer', () => {
    const doc = readKamervragenXml(
      xml(
        '<kamervragen><vraag><nr>Vraag 1</nr><al>A?</al></vraag><vraag><nr>Vraag 2</nr><al>B?</al></vraag><antwoord><al>Beide.</al></antwoord></kamervragen>',
      ),
    );
    expect(doc.answers).toEqual([{ questionNumbers: [1, 2], text: 'Beide.', footnotes: [] }]);
    expect(doc.kind).toBe('questions-and-answers');
  });

  it('reads the text with the desk document parser where the XML has no question structure', () => {
    const doc = readKamervragenXml(
      xml(
        '<kamerstuk><al>Vragen van het lid Dassen (Volt) aan de minister van Financiën over de btw (ingezonden 2 februari 2024).</al><al>Vraag 1</al><al>Kent u het bericht?</al><al>Vraag 2</al><al>Wat gaat u doen?</al></kamerstuk>',
      ),
    );
    expect(doc).toMatchObject({ kind: 'questions', submittedOn: '2024-02-02', submitters: [{ name: 'Dassen', party: 'Volt' }] });
    expect(doc.questions.map((q) => q.text)).toEqual(['Kent u het bericht?', 'Wat gaat u doen?']);
  });

  it('says in words when the XML is not well-formed', () => {
    expect(() => readKamervragenXml('<kamervragen><vraag><al>Half')).toThrow(/XML that is not well-formed/);
  });
});
