export default function SearchPage() {
  return <p className="p-8">SearchPage is being built.</p>;
}
