package org.desist.disclosure;

/** Who a document goes to: a person and the organisation they receive it for. */
public record Recipient(String name, String organisation) {
    /** As printed and as the audit row keeps it: {@code Jane Hill, HMPPS North West}. */
    @Override
    public String toString() {
        return name + ", " + organisation;
    }
}
