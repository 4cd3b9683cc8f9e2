package org.quartz.codegen.ir;

import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.Variant;

/**
 * The word layouts of the heap objects compiled code builds and reads, in one place. Every
 * value is one 64-bit word; these objects are arrays of words.
 * <ul>
 * <li>struct: one word per field, in declaration order;</li>
 * <li>enum value: {tag, payload...}, tags in declaration order (Option: None 0, Some 1;
 * Result: Ok 0, Err 1, as in quartz_rt.h); a null enum (a zero value) reads as tag 0;</li>
 * <li>closure: {function, frame constructor or 0, captured boxes...}: the function takes the
 * closure first; the frame constructor makes a frame of its task form when it may wait;</li>
 * <li>box: one word (a captured local, an actor field);</li>
 * <li>actor state: {mailbox, box of field 0, box of field 1, ...};</li>
 * <li>actor message: {method index, reply promise, arguments...};</li>
 * <li>Vec (the runtime's struct qz_vec, quartz_rt.h): {len, cap, data}, data pointing to the
 * elements, one word each; compiled code reads len and data to index inline;</li>
 * <li>StrBuf (struct qz_strbuf): {len, cap, bytes}; compiled code appends a byte inline when
 * it fits;</li>
 * <li>Range (`a..b`, `a..=b` as a value): {from, to, inclusive 0 or 1}.</li>
 * </ul>
 */
public final class ObjectLayouts {

	public static final int ENUM_TAG = 0;
	public static final int ENUM_PAYLOAD = 1;

	public static final int CLOSURE_FUNCTION = 0;
	public static final int CLOSURE_NEW_FRAME = 1;
	public static final int CLOSURE_ENVIRONMENT = 2;

	public static final int ACTOR_MAILBOX = 0;
	public static final int ACTOR_FIELDS = 1;

	public static final int MESSAGE_METHOD = 0;
	public static final int MESSAGE_REPLY = 1;
	public static final int MESSAGE_ARGUMENTS = 2;

	public static final int VEC_LEN = 0;
	public static final int VEC_DATA = 2;

	/** A StrBuf (struct qz_strbuf, quartz_rt.h): {len, cap, bytes}, bytes pointing to cap bytes. */
	public static final int STRBUF_LEN = 0;
	public static final int STRBUF_CAP = 1;
	public static final int STRBUF_BYTES = 2;

	public static final int RANGE_FROM = 0;
	public static final int RANGE_TO = 1;
	public static final int RANGE_INCLUSIVE = 2;
	public static final int RANGE_WORDS = 3;

	/** A String (struct qz_string, quartz_rt.h): its length word, then its bytes at this byte offset. */
	public static final int STRING_LEN = 0;
	public static final int STRING_BYTES = 8;

	private ObjectLayouts() {
	}

	/** The tag of a variant: its index in its enum. */
	public static int tag(Variant variant) {
		return ((EnumDecl) variant.eContainer()).getVariants().indexOf(variant);
	}

	/** The word of a struct's field: its index in the struct. */
	public static int fieldIndex(Field field) {
		return ((StructDecl) field.eContainer()).getFields().indexOf(field);
	}

	/** The word of an actor's state holding field {@code i}'s box. */
	public static int actorFieldBox(int i) {
		return ACTOR_FIELDS + i;
	}
}
