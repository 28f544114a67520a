package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The twin families, paired by reflection (they were once generated from one table by a script that
 * no build ran): every {@link FactCommand} has the {@link FactEvent} of the same kind with the same
 * components in the same order, and each turns into the other and back for every kind.
 */
class FactTwinsTest {

    /** Components an event derives from its command's (they are not in the command). */
    private static final Map<Class<?>, List<String>> DERIVED = Map.of(FactEvent.InteractionRecorded.class, List.of("goldstein"));

    /** Each command type with the event type its {@code toEvent()} declares. */
    static Map<Class<?>, Class<?>> twins() throws NoSuchMethodException {
        Map<Class<?>, Class<?>> twins = new LinkedHashMap<>();
        for (Class<?> command : FactCommand.class.getPermittedSubclasses()) {
            Method toEvent = command.getMethod("toEvent");
            twins.put(command, toEvent.getReturnType());
        }
        return twins;
    }

    static Stream<Class<?>> commands() {
        return Arrays.stream(FactCommand.class.getPermittedSubclasses());
    }

    @Test
    void everyCommandHasItsOwnEventAndEveryEventItsOwnCommand() throws Exception {
        Map<Class<?>, Class<?>> twins = twins();

        assertThat(twins.values()).doesNotContain(FactEvent.class).doesNotHaveDuplicates();
        assertThat(twins.values()).containsExactlyInAnyOrder(FactEvent.class.getPermittedSubclasses());
        assertThat(twins.keySet()).hasSize(FactKind.values().length);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandAndItsEventHaveTheSameComponentsInTheSameOrder(Class<?> command) throws Exception {
        Class<?> event = twins().get(command);
        assertThat(command.isRecord()).as(command.getSimpleName() + " is a record").isTrue();
        assertThat(event.isRecord()).as(event.getSimpleName() + " is a record").isTrue();

        assertThat(components(command)).as(command.getSimpleName() + " and " + event.getSimpleName())
                .isEqualTo(components(event).stream()
                        .filter(c -> !DERIVED.getOrDefault(event, List.of()).contains(c.split(" ")[1])).toList());
    }

    @Test
    void everyKindAppearsOnceAndTheEventNamesTheKindOfItsCommand() {
        List<FactKind> kinds = new ArrayList<>();
        FactCommandTest.oneOfEachKind().forEach(command -> {
            FactEvent event = command.toEvent();
            assertThat(event.getClass()).isEqualTo(twinOf(command.getClass()));
            assertThat(event.kind()).isEqualTo(command.kind());
            assertThat(FactCommand.of(event)).isEqualTo(command);
            assertThat(FactCommand.of(event).toEvent()).isEqualTo(event);
            kinds.add(command.kind());
        });
        assertThat(kinds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(EnumSet.allOf(FactKind.class));
        assertThat(FactCommandTest.oneOfEachKind().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(FactCommand.class.getPermittedSubclasses());
    }

    @Test
    void theTwinsShareTheirNameStemsSoAReaderFindsOneFromTheOther() throws Exception {
        // AppointAttache / AttacheAppointed, HoldTalks / TalksHeld: the words of the command's name are in the event's.
        for (Map.Entry<Class<?>, Class<?>> e : twins().entrySet()) {
            String command = e.getKey().getSimpleName();
            String event = e.getValue().getSimpleName();
            String noun = command.replaceFirst("^[A-Z][a-z]+", "");
            assertThat(event).as(command + " -> " + event).contains(noun.isEmpty() ? "" : noun.substring(0, Math.min(4, noun.length())));
        }
    }

    private static Class<?> twinOf(Class<?> command) {
        try {
            return twins().get(command);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** "type name" of each component, generic types included. */
    private static List<String> components(Class<?> record) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            Type type = c.getGenericType();
            out.add(type.getTypeName() + " " + c.getName());
        }
        return out;
    }
}
