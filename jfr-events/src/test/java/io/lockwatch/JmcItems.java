package io.lockwatch;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;

/** Reads events of one type back through JMC's parser, as JMC's Event Browser would. */
final class JmcItems {
  private JmcItems() {}

  /** Number of items of the type. */
  static long count(IItemCollection items, String typeId) {
    return items.apply(ItemFilters.type(typeId)).stream().mapToLong(IItemIterable::getItemCount)
        .sum();
  }

  /** The label (JMC "name") of the type, or null if absent. */
  static String label(IItemCollection items, String typeId) {
    for (IItemIterable it : items.apply(ItemFilters.type(typeId))) {
      return it.getType().getName();
    }
    return null;
  }

  /** The values of one field over all items of the type, as JMC renders them. */
  static List<String> values(IItemCollection items, String typeId, String field) {
    List<String> out = new ArrayList<>();
    for (IItemIterable it : items.apply(ItemFilters.type(typeId))) {
      IType<IItem> type = it.getType();
      IMemberAccessor<?, IItem> accessor = null;
      for (IAccessorKey<?> key : type.getAccessorKeys().keySet()) {
        if (key.getIdentifier().equals(field)) {
          accessor = type.getAccessor(key);
        }
      }
      if (accessor == null) {
        throw new AssertionError("JMC sees no field " + field + " in " + typeId);
      }
      for (IItem item : it) {
        Object v = accessor.getMember(item);
        out.add(v == null ? null : v.toString());
      }
    }
    return out;
  }
}
