import { useDocumentTitle } from '../components/Page';

export default function Notifications() {
  useDocumentTitle('Notifications');
  return <h1 className="utrecht-heading-1">Notifications</h1>;
}
