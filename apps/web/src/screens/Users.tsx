import { useDocumentTitle } from '../components/Page';

export default function Users() {
  useDocumentTitle('Users');
  return <h1 className="utrecht-heading-1">Users</h1>;
}
