export default function MyListPage() {
  return <p className="p-8">MyListPage is being built.</p>;
}
