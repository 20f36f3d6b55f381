export default function PlayerPage() {
  return <p className="p-8">PlayerPage is being built.</p>;
}
