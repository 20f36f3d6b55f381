export default function TitlePage() {
  return <p className="p-8">TitlePage is being built.</p>;
}
