import { useDocumentTitle } from '../components/Page';

export default function UserForm() {
  useDocumentTitle('UserForm');
  return <h1 className="utrecht-heading-1">UserForm</h1>;
}
