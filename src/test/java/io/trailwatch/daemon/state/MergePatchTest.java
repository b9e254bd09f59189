package io.trailwatch.daemon.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aPatchHoldsOnlyWhatChangedAndTurnsTheFirstObjectIntoTheSecond() throws Exception {
        ObjectNode from = json("{'source':'dir','directories':{'a':{'x':1,'y':2},'b':{'z':3},'gone':{'w':4}}}");
        ObjectNode to = json("{'source':'dir','directories':{'a':{'x':1,'y':2,'v':5},'b':{'z':3},'c':[1,2]}}");

        ObjectNode patch = MergePatch.diff(from, to);

        assertEquals(json("{'directories':{'a':{'v':5},'gone':null,'c':[1,2]}}"), patch);
        assertEquals(to, MergePatch.apply(from, patch));
        assertEquals(json("{'source':'dir','directories':{'a':{'x':1,'y':2},'b':{'z':3},'gone':{'w':4}}}"), from,
                "the patched object is left as it was");
    }

    @Test
    void membersThePatchLeavesAloneAreSharedNotCopied() throws Exception {
        ObjectNode from = json("{'keep':{'big':[1,2,3]},'n':1}");
        ObjectNode patched = MergePatch.apply(from, MergePatch.diff(from, json("{'keep':{'big':[1,2,3]},'n':2}")));

        assertSame(from.get("keep"), patched.get("keep"));
        assertEquals(2, patched.get("n").intValue());
    }

    @Test
    void anObjectWithANullMemberCannotBeAPatchAndIsStoredWhole() throws Exception {
        assertNull(MergePatch.diff(json("{'a':1}"), json("{'a':null}")));
        assertNull(MergePatch.diff(json("{'a':1}"), json("{'a':1,'b':{'c':null}}")));
        assertEquals(json("{}"), MergePatch.diff(json("{'a':null}"), json("{'a':null}")), "an unchanged null is fine");
    }
}
