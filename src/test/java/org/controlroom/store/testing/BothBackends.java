package org.controlroom.store.testing;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs a {@link StoreTest} once per {@link Backend.Kind}, handing it a fresh backend it closes afterwards. */
public final class BothBackends implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(StoreTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Backend.Kind.values()).map(Invocation::new);
    }

    private record Invocation(Backend.Kind kind) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.label() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            Backend[] holder = new Backend[1];
            return List.of((BeforeEachCallback) c -> holder[0] = kind.fresh(),
                    (AfterEachCallback) c -> {
                        if (holder[0] != null) {
                            holder[0].close();
                        }
                    },
                    new ParameterResolver() {
                        @Override
                        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                            return p.getParameter().getType() == Backend.class;
                        }

                        @Override
                        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                            return holder[0];
                        }
                    });
        }
    }
}
