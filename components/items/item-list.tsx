import type { ItemView } from "@/lib/server/read-models/item-view";
import type { MemberOption } from "@/lib/server/read-models/project-page";
import { AddItemForm } from "./add-item-form";
import { ITEM_COLUMNS } from "./item-columns";
import { ItemRow, type ItemPermissions } from "./item-row";

// Items grouped under their categories, in the project's order.
export function ItemList({ projectId, categories, items, members, can, canAddItems, archived, filtering }: {
  projectId: string;
  categories: { id: string; name: string }[];
  items: ItemView[];
  members: MemberOption[];
  can: ItemPermissions;
  canAddItems: boolean;
  archived: boolean;
  filtering: boolean;
}) {
  const groups = categories
    .map((category) => ({ category, items: items.filter((item) => item.categoryId === category.id) }))
    .filter((group) => group.items.length > 0 || (!filtering && canAddItems));
  if (groups.length === 0) {
    return <p className="rounded-xl bg-white px-5 py-10 text-center text-sm text-slate-500 ring-1 ring-slate-200">No items match these filters.</p>;
  }
  return (
    <div className="space-y-4">
      {groups.map(({ category, items: categoryItems }) => (
        <section key={category.id} aria-labelledby={`category-${category.id}`} className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <div className="flex items-center gap-3 border-b border-slate-100 bg-slate-50 px-5 py-2.5">
            <h3 id={`category-${category.id}`} className="flex-1 text-sm font-semibold text-slate-900">
              {category.name} <span className="ml-1 text-xs font-normal text-slate-500">{categoryItems.length} items</span>
            </h3>
            {(can.status || can.owner || can.edit) && (
              <div aria-hidden className={`${ITEM_COLUMNS} hidden text-xs font-medium text-slate-500 lg:grid`}>
                <span>Status</span>
                <span>Priority</span>
                <span>Owner</span>
                <span>Due</span>
                <span>Effort (h)</span>
              </div>
            )}
          </div>
          <ul className="divide-y divide-slate-100">
            {categoryItems.map((item) => (
              <ItemRow key={item.id} projectId={projectId} initial={item} members={members} can={can} archived={archived} />
            ))}
          </ul>
          {canAddItems && !archived && (
            <div className="border-t border-slate-100 px-5 py-3">
              <AddItemForm categoryId={category.id} categoryName={category.name} />
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
