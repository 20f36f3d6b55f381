export default function CatchupPage() {
  return <p className="p-8">CatchupPage is being built.</p>;
}
