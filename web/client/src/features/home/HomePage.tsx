export default function HomePage() {
  return <p className="p-8">HomePage is being built.</p>;
}
