import { useDocumentTitle } from '../components/Page';

export default function QuestionSetDetail() {
  useDocumentTitle('QuestionSetDetail');
  return <h1 className="utrecht-heading-1">QuestionSetDetail</h1>;
}
