/**
 * Word and PDF in, Word out, through the real API (a process of its own, the demo data):
 * - importing a 10-page PDF of questions (upload; each run a new set), against the same documents
 *   posted as markdown text (the baseline: the parser and the database without the PDF reading);
 * - the Word answer document of appendix 2290 (Accept: docx), against the markdown one.
 *
 *   npm run bench:documents [-- --imports 15 --documents 40]
 */
import { typesetFromText, typesetPdf } from '../test/documents/typeset';
import { accessTokenOf, expectStatus, option, withBenchDesk } from './bench-desk';
import { row, summarise, timeEach } from './stats';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A questions document of `questions` questions with footnotes, as text. */
function questionsText(reference: string, questions: number): string {
  const lines = [
    reference,
    'Vragen van het lid **Kuiken** (PvdA) aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport over *het tekort aan jeugdzorgplekken* (ingezonden 3 maart 2021).',
  ];
  for (let n = 1; n <= questions; n++) {
    lines.push(
      `Vraag ${n}`,
      `Hoeveel kinderen in regio ${n} wachten langer dan drie maanden op de jeugdzorg die zij nodig hebben, hoe is dat aantal sinds 2019 veranderd, en welke afspraken heeft u met de gemeenten in die regio gemaakt om de wachttijden terug te dringen?${n % 5 === 0 ? `<sup>${n / 5}</sup>` : ''}`,
    );
  }
  for (let k = 1; k * 5 <= questions; k++)
    lines.push(`<sup>${k}</sup> https://www.rijksoverheid.nl/documenten/rapporten/2021/03/0${k}/monitor-jeugdzorg-regio-${k * 5}`);
  return lines.join('\n\n');
}

const pagesOf = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

async function main(): Promise<void> {
  const imports = Number(option('imports', '15'));
  const documents = Number(option('documents', '40'));
  // As many questions as make ten A4 pages.
  let questions = 40;
  const sample = async (count: number) =>
    typesetPdf(typesetFromText(questionsText('2021Z99999', count)), { size: [595, 842], runningHead: 'Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel' });
  while (pagesOf(await sample(questions)) < 10) questions += 2;
  while (pagesOf(await sample(questions)) > 10) questions -= 1;
  const references = (offset: number) => Array.from({ length: imports + 2 }, (_, i) => `2021Z${String(50_000 + offset + i).padStart(5, '0')}`);
  const pdfs = await Promise.all(
    references(0).map(async (reference) =>
      typesetPdf(typesetFromText(questionsText(reference, questions)), { size: [595, 842], runningHead: 'Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel' }),
    ),
  );
  const texts = references(5_000).map((reference) => questionsText(reference, questions));

  await withBenchDesk(
    0,
    async () => undefined,
    async (desk) => {
      const auth = { Authorization: `Bearer ${await accessTokenOf(desk.base, 'desk@example.org')}` };
      const uploadPdf = async (i: number) => {
        const form = new FormData();
        form.append('file', new Blob([pdfs[i]], { type: 'application/pdf' }), `vragen-${i}.pdf`);
        const response = await fetch(`${desk.base}/question-sets/import`, { method: 'POST', headers: auth, body: form });
        expectStatus('PDF import', { status: response.status, body: await response.json() }, 201);
      };
      const postText = async (i: number) => {
        const response = await fetch(`${desk.base}/question-sets/import`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'text/markdown; charset=utf-8' },
          body: texts[i],
        });
        expectStatus('text import', { status: response.status, body: await response.json() }, 201);
      };
      const client = await desk.client('desk@example.org');
      const list = expectStatus('list', await client.get('/question-sets?submitter=Buitenweg'));
      const id = (list.body as { items: { id: string }[] }).items[0].id;
      const answerDocument = async (accept: string) => {
        const response = await fetch(`${desk.base}/question-sets/${id}/answer-document`, { headers: { ...auth, Accept: accept } });
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200 || body.length === 0) throw new Error(`answer document: ${response.status}`);
      };

      console.log(
        `Documents — node ${process.version}; a ${pagesOf(pdfs[0])}-page PDF (${questions} questions, ${Math.round(pdfs[0].length / 1024)} kB, typeset with pdfkit) and the answer document of appendix 2290 (9 questions, 5 footnotes)`,
      );
      await uploadPdf(imports); // warm up
      await postText(imports);
      const text = summarise(await timeEach(imports, postText));
      const pdf = summarise(await timeEach(imports, uploadPdf));
      console.log(row('import as markdown text (baseline)', text));
      console.log(row(`import as a ${pagesOf(pdfs[0])}-page PDF upload`, pdf, text));
      await answerDocument('text/markdown');
      await answerDocument(WORD);
      const markdown = summarise(await timeEach(documents, () => answerDocument('text/markdown')));
      const word = summarise(await timeEach(documents, () => answerDocument(WORD)));
      console.log(row('answer document, markdown (baseline)', markdown));
      console.log(row('answer document, Word (.docx)', word, markdown));
    },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
