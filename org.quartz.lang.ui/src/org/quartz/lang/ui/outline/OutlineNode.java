package org.quartz.lang.ui.outline;

import java.util.List;

/**
 * One declaration in a module's outline: its name, what it is, where its name stands in the
 * text (to select it), and what it declares inside (fields, variants, methods).
 */
public record OutlineNode(String name, Kind kind, int offset, int length, List<OutlineNode> children) {

	public enum Kind {
		FUNCTION, CONSTANT, STRUCT, FIELD, ENUM, VARIANT, TYPE_ALIAS, ACTOR, ACTOR_FIELD, METHOD
	}

	/** The outline's text: `def add`, `struct Point`, a field's or variant's bare name. */
	public String label() {
		return switch (kind) {
		case FUNCTION, METHOD -> "def " + name;
		case CONSTANT -> "const " + name;
		case STRUCT -> "struct " + name;
		case ENUM -> "enum " + name;
		case TYPE_ALIAS -> "type " + name;
		case ACTOR -> "actor " + name;
		case ACTOR_FIELD -> "var " + name;
		case FIELD, VARIANT -> name;
		};
	}
}
