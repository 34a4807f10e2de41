import { useDocumentTitle } from '../components/Page';

export default function QuestionList() {
  useDocumentTitle('QuestionList');
  return <h1 className="utrecht-heading-1">QuestionList</h1>;
}
